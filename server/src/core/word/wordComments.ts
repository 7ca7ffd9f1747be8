// Word comments (comments.xml) as the plain text CriticMarkup gives them: paragraphs joined by
// line breaks, tracked changes inside a comment accepted.
import { BodyReader } from './documentBody';
import { attributeOf, childrenNamed, parseXml, rootElement } from './xmlTree';

export interface WordComment {
  author: string;
  text: string;
}

export function readComments(xml: string | undefined, reader: BodyReader, part = 'word/comments.xml'): Map<string, WordComment> {
  const comments = new Map<string, WordComment>();
  if (xml === undefined) return comments;
  for (const comment of childrenNamed(rootElement(parseXml(xml, part), 'comments', part), 'comment')) {
    const lines = reader.paragraphsIn(comment).map((paragraph) =>
      paragraph.pieces.map((piece) => (piece.kind === 'text' || piece.kind === 'insertion' ? piece.text : '')).join(''),
    );
    comments.set(attributeOf(comment, 'id') ?? '', { author: attributeOf(comment, 'author') ?? '', text: lines.join('\n') });
  }
  return comments;
}
