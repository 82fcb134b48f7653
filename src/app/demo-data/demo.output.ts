import { csvField } from '../../io/csv/index.js';

/** The headers of the generated files: Chinese, as shops' own exports have them. */
export const demoHeaders = {
  messages: ['店铺', '平台', '会话ID', '买家', '客服', '发送方', '时间', '内容', '类型'],
  orders: [
    '店铺',
    '平台',
    '订单号',
    '买家',
    '下单时间',
    '付款时间',
    '实付金额',
    '数量',
    '订单状态',
    '退款金额',
    '发货时间',
    '运费',
    '关闭方',
  ],
  ratings: ['店铺', '会话ID', '买家', '客服', '评价时间', '评价'],
  tickets: [
    '店铺',
    '服务单号',
    '客服',
    '申请时间',
    '审核时间',
    '待处理时间',
    '处理时间',
    '待客户反馈',
    '抽检',
    '抽检结果',
  ],
} as const;

export type DemoFile = keyof typeof demoHeaders;

const secondsPerDay = 86_400;
const two = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const hourMinutes = Array.from(
  { length: 1440 },
  (_, minute) => `${two[Math.floor(minute / 60)]}:${two[minute % 60]}:`,
);
const hourMinuteBytes = hourMinutes.map((text) => Buffer.from(text, 'latin1'));
const comma = 44;
const newline = 10;

/**
 * Formats wall-clock seconds (seconds since 1970-01-01 00:00 in the shop's zone) as
 * `YYYY-MM-DD HH:mm:ss`. Day texts are cached: formatting runs once per message, millions of times.
 */
export class WallClock {
  private readonly days = new Map<number, string>();

  day(wallSeconds: number): string {
    const day = Math.floor(wallSeconds / secondsPerDay);
    let dayText = this.days.get(day);
    if (dayText === undefined) {
      dayText = `${new Date(day * secondsPerDay * 1000).toISOString().slice(0, 10)} `;
      this.days.set(day, dayText);
    }
    return dayText;
  }

  format(wallSeconds: number): string {
    const second = wallSeconds - Math.floor(wallSeconds / secondsPerDay) * secondsPerDay;
    return this.day(wallSeconds) + hourMinutes[Math.floor(second / 60)] + two[second % 60];
  }
}

/** Amount in 分 as 元 with two decimals. */
export const yuanText = (fen: number): string => {
  const whole = Math.floor(fen / 100);
  return `${whole}.${two[fen % 100]}`;
};

const encoded = new Map<string, Buffer>();

/** UTF-8 bytes of a text from the phrase tables, encoded once. */
export const bytesOf = (text: string): Buffer => {
  let bytes = encoded.get(text);
  if (bytes === undefined) {
    bytes = Buffer.from(text);
    encoded.set(text, bytes);
  }
  return bytes;
};

/**
 * Message lines are assembled as bytes from pre-encoded pieces: with ten million messages,
 * building and then UTF-8-encoding a string per line costs more than the simulation itself.
 */
class LineBytes {
  private bytes: Buffer;
  length = 0;

  constructor(private readonly capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  put(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + chunk.length));
      this.bytes.copy(larger, 0, 0, this.length);
      this.bytes = larger;
    }
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  putTwoDigits(value: number): void {
    if (this.length + 2 > this.bytes.length) this.put(Buffer.from(two[value] as string));
    else {
      this.bytes[this.length++] = 48 + Math.floor(value / 10);
      this.bytes[this.length++] = 48 + (value % 10);
    }
  }

  /** Hands the filled bytes over (the stream keeps them) and starts a fresh buffer. */
  take(): Buffer {
    const filled = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.allocUnsafe(this.capacity);
    this.length = 0;
    return filled;
  }
}

const separator = Buffer.from([comma]);
const lineEnd = Buffer.from([newline]);

/** Buffers per file, filled synchronously by the generator and drained by the writer loop. */
export class DemoBuffers {
  private readonly messageBytes = new LineBytes((1 << 20) + (1 << 16));
  orders = '';
  ratings = '';
  tickets = '';
  counts = { messages: 0, orders: 0, ratings: 0, tickets: 0 };

  /** One message line: `head` holds the first six fields with their trailing commas. */
  message(head: Uint8Array, clock: WallClock, wallSeconds: number, text: Uint8Array, kind: Uint8Array): void {
    const lines = this.messageBytes;
    const second = wallSeconds - Math.floor(wallSeconds / secondsPerDay) * secondsPerDay;
    lines.put(head);
    lines.put(bytesOf(clock.day(wallSeconds)));
    lines.put(hourMinuteBytes[Math.floor(second / 60)] as Buffer);
    lines.putTwoDigits(second % 60);
    lines.put(separator);
    lines.put(text);
    lines.put(separator);
    lines.put(kind);
    lines.put(lineEnd);
    this.counts.messages++;
  }

  order(fields: string): void {
    this.orders += fields;
    this.counts.orders++;
  }

  rating(fields: string): void {
    this.ratings += fields;
    this.counts.ratings++;
  }

  ticket(fields: string): void {
    this.tickets += fields;
    this.counts.tickets++;
  }

  size(): number {
    return this.messageBytes.length + this.orders.length + this.ratings.length + this.tickets.length;
  }

  /** Hands out and clears the buffered output of one file. */
  take(file: DemoFile): Buffer | string {
    if (file === 'messages') return this.messageBytes.take();
    const text = this[file];
    this[file] = '';
    return text;
  }
}

/** A CSV header line. */
export const headerLine = (file: DemoFile): string => `${demoHeaders[file].map(csvField).join(',')}\n`;
