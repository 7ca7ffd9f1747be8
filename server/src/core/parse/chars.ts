// The character codes the parser tests, by name. A const enum: the names are replaced by
// their numbers when compiled, so reading `Ch.LParen` costs what reading 40 costs.

export const enum Ch {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  LParen = 40,
  RParen = 41,
  Comma = 44,
  Hyphen = 45,
  Period = 46,
  Digit0 = 48,
  Digit9 = 57,
  Colon = 58,
  Semicolon = 59,
  A = 65,
  S = 83,
  Z = 90,
  LBracket = 91,
  LowerA = 97,
  LowerS = 115,
  LowerZ = 122,
  NoBreakSpace = 0xa0,
  EnDash = 0x2013,
  EmDash = 0x2014,
}
