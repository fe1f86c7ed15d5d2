import { weakEtag } from './read-etags';

describe('weakEtag', () => {
  // Values of the `etag` package (Express' own) with { weak: true }, for a string, a Buffer and nothing.
  it.each([
    ['hello', 'W/"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"'],
    [Buffer.from('{"a":1}'), 'W/"7-n4nHQM60bXQYySSnisV5QdXpZSA"'],
    ['', 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"'],
  ])('is the weak ETag Express writes for %p', (body, expected) => {
    expect(weakEtag(body)).toBe(expected);
  });

  it('counts UTF-8 bytes, not characters, in the length part', () => {
    expect(weakEtag('é')).toMatch(/^W\/"2-/);
    expect(weakEtag('é')).toBe(weakEtag(Buffer.from('é', 'utf8')));
  });
});
