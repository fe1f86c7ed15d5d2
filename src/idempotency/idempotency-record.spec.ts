import { decodeValue, encodeValue } from './idempotency-record';

class Payload {
  constructor(
    readonly instance: { id: string; createdAt: Date; labels: string[] },
    readonly requestId: string | null,
  ) {}
}

describe('encodeValue / decodeValue', () => {
  it('round-trips a resolver result through JSON with its Dates intact', () => {
    const value = new Payload(
      { id: 'i-1', createdAt: new Date('2024-05-01T10:00:00.000Z'), labels: ['a'] },
      null,
    );
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))) as Payload;
    expect(back.instance.createdAt).toBeInstanceOf(Date);
    expect(back.instance.createdAt.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(back).toEqual({
      instance: { id: 'i-1', createdAt: value.instance.createdAt, labels: ['a'] },
      requestId: null,
    });
  });

  it('leaves a string that merely looks like a date a string', () => {
    expect(
      decodeValue(JSON.parse(JSON.stringify(encodeValue({ name: '2024-05-01T10:00:00.000Z' })))),
    ).toEqual({
      name: '2024-05-01T10:00:00.000Z',
    });
  });
});
