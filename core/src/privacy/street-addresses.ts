/**
 * Street addresses in text, by structure: a house number and a street name with a street type, in the layouts of
 * several countries —
 * - number first (US, UK, IE, CA, AU, NZ, FR, BE-fr): "42 Oak Street", "221B Elm Rd.", "12 rue des Lilas",
 *   "7 avenue Victor Hugo";
 * - street type first, number after (ES, IT, PT, BR, LatAm): "Calle Mayor 5", "Via Roma, 10", "Rua Augusta 274";
 * - compound street word, number after (DE, AT, CH, NL, BE-nl, Nordic): "Hauptstraße 12a", "Kerkstraat 7",
 *   "Storgatan 3".
 * Precision first: the street alone is found (redaction masks it) but is `complete` only with a second component —
 * a unit ("Apt 4B"), a postal code with or without city ("Springfield, IL 62704", "10115 Berlin", "SW1A 1AA"), or a
 * residence / delivery cue before it ("lives at", "ship to", "home address:"). Linear: one RE2 scan per layout.
 */
import { RE2 } from '../regex.js';

export interface AddressMatch {
  start: number;
  end: number;
  basis: 'street+postal' | 'street+unit' | 'street+cue' | 'street';
  /** A second component (unit, postal code, residence cue) confirms it is someone's address. */
  complete: boolean;
}

/** A capitalized word, hyphenated parts capitalized or not ("Mayert-Gleichner", "Saint-Honoré", "O'Neil"). */
const CAP = String.raw`\p{Lu}[\p{Ll}'’.]*(?:-\p{L}[\p{Ll}'’.]*){0,3}`;
/**
 * Street suffixes (the common part of the USPS street-suffix table and its Commonwealth kin), full and abbreviated.
 * Words that are also common nouns after numbers in prose ("Park", "Hill", "View", "Point") are kept: a street alone
 * is never enough for a finding (see `complete`).
 */
const EN_TYPES = String.raw`(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Square|Sq|Highway|Hwy|Trail|Trl|Crescent|Cres|Close|Grove|Gardens|Gdns|Garden|Row|Mews|Alley|Aly|Loop|Pike|Plaza|Ridge|Rdg|Brook|Brooks|Shore|Shores|Mall|Motorway|Meadow|Meadows|Field|Fields|Hill|Hills|Heights|Hts|Creek|Valley|Vly|Glen|Harbor|Harbour|Hbr|Island|Isle|Junction|Jct|Knoll|Knolls|Lake|Lakes|Landing|Lndg|Manor|Mill|Mills|Mount|Mountain|Orchard|Oval|Park|Pass|Path|Pine|Pines|Point|Pt|Port|Prairie|Ranch|Springs|Spring|Station|Summit|Trace|Track|Turnpike|Tpke|Village|Vlg|Villages|Vista|View|Views|Walk|Wall|Well|Wells|Camp|Canyon|Cape|Causeway|Center|Centre|Cliff|Cliffs|Common|Commons|Corner|Corners|Course|Cove|Crest|Crossing|Xing|Crossroad|Curve|Dale|Dam|Divide|Estate|Estates|Expressway|Expy|Extension|Ext|Falls|Ferry|Flat|Flats|Ford|Forest|Forge|Fork|Forks|Fort|Freeway|Fwy|Gateway|Haven|Hollow|Inlet|Lodge|Neck|Overpass|Plain|Plains|Points|Ramp|River|Route|Rte|Run|Shoal|Skyway|Spur|Stravenue|Stream|Throughway|Tunnel|Underpass|Union|Viaduct|Ville|Wharf|Wynd|Quay|Parade|Esplanade|Promenade|Broadway|Rise|Chase|Drove|End|Mead|Green|Gate|Hollow|Lawn|Yard)s?`;
const DIR = String.raw`(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)`;
/** 42 Oak Street / 221B Baker St. / 1600 N. Pennsylvania Avenue NW */
const EN = String.raw`\b[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,5})?[ \t]+(?:${DIR}\.?[ \t]+)?(?:(?:${CAP}|[0-9]{1,3}(?:st|nd|rd|th))[ \t]+){1,4}${EN_TYPES}\b\.?(?:[ \t]+${DIR}\b\.?)?`;
const FR_TYPES = String.raw`(?:rue|Rue|avenue|Avenue|av\.|boulevard|Boulevard|bd|Bd|place|Place|chemin|Chemin|impasse|Impasse|allée|Allée|quai|Quai|cours|Cours|route|Route|square|passage|Passage|rond-point)`;
/** 12 rue des Lilas / 7 bis, avenue Victor Hugo */
const FR = String.raw`\b[0-9]{1,4}(?:[ \t]?(?:bis|ter|[A-Ba-b]))?,?[ \t]+${FR_TYPES}[ \t]+(?:(?:de la|de l['’]|des|du|de|d['’]|le|la|les|aux)[ \t]*)?${CAP}(?:[ \t\-]+(?:de|du|des|la|le)?[ \t]*${CAP}){0,3}`;
const SOUTH_TYPES = String.raw`(?:Calle|C/|Avenida|Avda\.?|Av\.|Plaza|Plaça|Paseo|Passeig|Rambla|Camino|Carrer|Carretera|Ronda|Travesía|Glorieta|Pasaje|Callejón|Cuesta|Urbanización|Poblado|Barrio|Colonia|Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Contrada|Borgo|Strada|Vico|Rotonda|Incrocio|Rua|Travessa|Praça|Alameda|Estrada|Rodovia|Calçada|Largo|Explanada|Escalinata|Jardines|Municipio|Bairro|Sector|Ramal|Quinta|Vía|Avenue)`;
/** 220 Rua Maria Clara / 75052 Avenida Henrique (number first, Brazilian and some Latin American layouts) */
const SOUTH_NUMBER_FIRST = String.raw`\b[0-9]{1,6},?[ \t]+${SOUTH_TYPES}[ \t]+(?:(?:de la|de los|del|de|dos|das|da|do|della|di)[ \t]+)?${CAP}(?:[ \t]+(?:de|del|la|di|da|do|dos|e|y)?[ \t]*${CAP}){0,3}`;
/** ul. Długa 5 / al. Jerozolimskie 12 / skwer Młynarczyk 624 (Polish) */
const PL = String.raw`\b(?:ul\.|al\.|pl\.|os\.|wyb\.|ulica|aleja|plac|skwer|rondo)[ \t]*${CAP}(?:[ \t]+${CAP}){0,3}[ \t]+[0-9]{1,4}[a-zA-Z]?\b`;
/** Am Markt 3 / Auf dem Hof 14 / In der Aue 2 (German streets named by a preposition phrase) */
const DE_PREP = String.raw`\b(?:Am|An der|An den|Auf dem|Auf der|Im|In der|In den|Zum|Zur|Unter den|Hinter dem|Vor dem|Beim)[ \t]+\p{Lu}[\p{Ll}äöüß\-]+[ \t]+[0-9]{1,4}[a-zA-Z]?\b`;
/** Calle Mayor 5 / Via Giuseppe Verdi, 10 / Rua Augusta, nº 274 */
const SOUTH = String.raw`\b${SOUTH_TYPES}[ \t]+(?:(?:de la|de los|de las|del|de|dos|das|da|do|della|delle|dei|degli|di)[ \t]+)?${CAP}(?:[ \t]+(?:de|del|la|di|da|do|dos|e|y)?[ \t]*${CAP}){0,3},?[ \t]*(?:n\.?[ºo°]?[ \t]*)?(?:[0-9]{1,5}[A-Za-z]?\b|s/n)`;
const COMPOUND = String.raw`(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|steig|chaussee|laan|straat|gracht|plein|plantsoen|park|hof|markt|pad|baan|dreef|steeg|berg|allén|kade|singel|dijk|vej|gade|gatan|vägen|väg|veien|vegen|gata|katu|tie|utca)`;
/** Hauptstraße 12a / Kerkstraat 7 / Am Markt 3 is not matched (no compound type): precision first. */
const NORTH = String.raw`\b\p{Lu}[\p{L}\-]*?(?i:${COMPOUND})[ \t]+[0-9]{1,4}[a-zA-Z]?(?:[ \t]*[-/][ \t]*[0-9]{1,4})?\b|\b\p{Lu}[\p{Ll}äöüßåæø\-]+[ \t\-](?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Väg|Vägen|Gata|Gatan|Stig|Allé|Torg|Vej|Gade|Veien|Gate|Gata)[ \t]+[0-9]{1,4}[a-zA-Z]?\b`;

/**
 * One RE2 per layout: joined into one alternation the DFA outgrows its memory budget on ordinary prose and RE2
 * falls back to a much slower engine; apart, each is a small DFA pass.
 */
const LAYOUTS = [EN, FR, SOUTH_NUMBER_FIRST, SOUTH, PL, DE_PREP, NORTH].map((src) => new RE2(src, 'gu'));

/** What may follow a street: a unit, then city / region / postal code (checked on the 60 characters after it). */
const UNIT_AFTER = new RE2(
  String.raw`^[ \t]*,?[ \t]*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg|Building|#|Wohnung|Whg|Étage|Escalera|Piso|Puerta|Interno|Int\.|Scala|Apto|Appartamento|Lgh|m\.|hoog)\.?[ \t]*#?[0-9A-Za-z]{1,6}\b`,
  'u',
);
const POSTAL_AFTER = new RE2(
  String.raw`^[^\n]{0,40}?(?:\b[A-Z]{2}[ \t]+[0-9]{5}(?:-[0-9]{4})?\b|\b[0-9]{5}[ \t]+\p{Lu}\p{Ll}+|\b[0-9]{5}(?:-[0-9]{4})?\b|\b(?:[03-9][0-9]{3}|1[0-8][0-9]{2}|2[1-9][0-9]{2})[ \t]+\p{Lu}\p{Ll}+|\b[A-Z]{1,2}[0-9][A-Z0-9]?[ \t]?[0-9][A-Z]{2}\b|\b[A-Z][0-9][A-Z][ \t]?[0-9][A-Z][0-9]\b|\b[0-9]{5}-[0-9]{3}\b|\b[0-9]{3}-[0-9]{4}\b|\b[0-9]{2}-[0-9]{3}\b|\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+[0-9]{4}\b)`,
  'u',
);
/** Residence / delivery cues in the 40 characters before a street. */
const CUE_BEFORE = new RE2(
  String.raw`(?i:(?:lives?|living|lived|resides?|residing|residence|reside|moved|home|house|flat|apartment|located|address|addressed|ship(?:ped|ping)?|deliver(?:ed|y)?|send|sent|mail(?:ed|ing)?|post(?:ed)?|billing|shipping|mailing|domicile|stay(?:s|ing)?|wohnt|wohnhaft|adresse|anschrift|habite|domicilié|dirección|domicilio|vive|indirizzo|abita|residente|endereço|mora|adres|woont)\b[^\n.]{0,24}$)`,
  'u',
);

/**
 * An institution's address, not a person's: "the address of the White House is …", "the museum is located at …".
 * A definite article before a capitalized name, or an institution noun, in the 60 characters before the street.
 */
const INSTITUTION_BEFORE = new RE2(
  String.raw`(?:\bof the \p{Lu}|\b[Tt]he \p{Lu}[\p{Ll}]+(?: \p{Lu}[\p{Ll}]+){0,4} (?:is|are|was|sits) (?:located |situated |based )?(?:at|on)|(?i:headquarters|head office|museum|embassy|consulate|city hall|town hall|university|hospital|stadium|library|restaurant|hotel|store|shop|branch|office is)\b)[^\n]{0,60}$`,
  'u',
);

const MAX_ADDRESSES = 256;

/** Every street address in text, sorted by start; `complete` when a unit, postal code or residence cue goes with it. */
export function findStreetAddresses(text: string): AddressMatch[] {
  const spans: Array<[number, number]> = [];
  for (const re of LAYOUTS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(text)) !== null && n++ < MAX_ADDRESSES) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  if (spans.length === 0) return [];
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: AddressMatch[] = [];
  let lastEnd = -1;
  for (const [start, matchEnd] of spans) {
    if (start < lastEnd || out.length >= MAX_ADDRESSES) continue;
    let end = matchEnd;
    // "42 Oak Street." ends a sentence; "12 Elm St." is an abbreviation: keep the dot only after a short word.
    if (text.charCodeAt(end - 1) === 46) {
      const sp = text.lastIndexOf(' ', end - 1);
      if (end - 1 - (sp + 1) > 4) end--;
    }
    const unit = UNIT_AFTER.exec(text.slice(end, end + 60));
    if (unit) end += unit[0].length;
    const postal = POSTAL_AFTER.exec(text.slice(end, end + 60));
    const before = text.slice(Math.max(0, start - 60), start);
    const cue = CUE_BEFORE.test(before.slice(-40));
    let basis: AddressMatch['basis'] = 'street';
    if (postal) {
      basis = 'street+postal';
      end += postal[0].length;
    } else if (unit) basis = 'street+unit';
    else if (cue) basis = 'street+cue';
    // A person's address: a unit always; a residence cue or a postal code unless an institution is named before it.
    const complete = unit !== null || ((cue || postal !== null) && !INSTITUTION_BEFORE.test(before));
    out.push({ start, end, basis, complete });
    lastEnd = end;
  }
  return out;
}
