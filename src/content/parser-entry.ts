/**
 * Injected by the background (`scripting.executeScript`) into a frame's
 * content-script world the first time that frame has candidate text. Built as
 * a self-contained IIFE; it only publishes the engine under PARSER_GLOBAL.
 */
import { type CountryCode, countryHintForPage, findPhoneNumbers, parseDialable } from '../phone';
import { PARSER_GLOBAL, type PageParser } from './parser-api';

const parser: PageParser = {
  find: (text, { defaultCountry, pageCountry }) =>
    findPhoneNumbers(text, {
      defaultCountry: defaultCountry as CountryCode,
      ...(pageCountry ? { pageCountry: pageCountry as CountryCode } : {}),
    }),
  display: (e164) => parseDialable(e164, 'US')?.display ?? e164,
  parse: (input, defaultCountry) => {
    const number = parseDialable(input, defaultCountry as CountryCode);
    return number ? { display: number.display, ...(number.ext ? { ext: number.ext } : {}) } : null;
  },
  countryHint: (page) => countryHintForPage(page),
};

(globalThis as Record<string, unknown>)[PARSER_GLOBAL] = parser;
