export { type DecodedText, decodeFile, decodeStream } from './encoding.decode.js';
export { decoderLabel, detectEncoding, EncodingError, type TextEncodingName } from './encoding.detect.js';
