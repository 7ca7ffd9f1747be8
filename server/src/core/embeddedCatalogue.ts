import { Catalogue } from './catalogue/catalogue';
import { CATALOGUE_DATA } from './catalogue/catalogueData';

let instance: Catalogue | undefined;

/** The SEC catalogue compiled into the bundle (built from the real SEC Contents and Version Control). */
export function embeddedCatalogue(): Catalogue {
  instance ??= new Catalogue(CATALOGUE_DATA);
  return instance;
}
