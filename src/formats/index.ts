// recallkit/formats: LMS and flashcard formats, and printable quizzes.
// Anki .apkg is a separate subpath (recallkit/formats/apkg) because it needs sql.js.
export { exportGift, escapeGift, parseGift, parseGiftLenient } from './gift';
export type { GiftChoice, GiftExportOptions, GiftItem, GiftNumber, GiftText } from './gift';
export { importGift } from './gift-import';
export type { GiftImportOptions, GiftImportResult } from './gift-import';
export { exportMoodleXml } from './moodle-xml';
export type { MoodleXmlOptions } from './moodle-xml';
export { exportQtiFiles, exportQtiItem, exportQtiPackage } from './qti';
export type { QtiOptions, QtiVersion } from './qti';
export { exportAiken, importAiken } from './aiken';
export type { AikenImportOptions, AikenImportResult, ExportResult } from './aiken';
export { exportAnkiText, exportQuizlet } from './csv';
export type { AnkiTextOptions } from './csv';
export { questionToCard } from './cards';
export type { Card } from './cards';
export { XAPI_VERBS, xapiAnswered, xapiAttempt, xapiInteraction, xapiResponse } from './xapi';
export type { XapiActor, XapiAnsweredInput, XapiAttemptInput, XapiComponent, XapiContextInput, XapiInteraction, XapiStatement } from './xapi';
export { quizToHtml, quizToMarkdown } from './print';
export type { PrintOptions } from './print';
export { createZip, crc32 } from './zip';
export type { ZipEntry } from './zip';
