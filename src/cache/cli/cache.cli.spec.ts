import { parseCacheCliArgs } from './cache.cli';

describe('cache CLI arguments', () => {
  it('reads clear --kind and an optional --tenant', () => {
    expect(parseCacheCliArgs(['clear', '--kind', 'pricing', '--tenant', 'acme'])).toEqual({
      kind: 'pricing',
      tenant: 'acme',
    });
    expect(parseCacheCliArgs(['clear', '--kind', 'gpuStock'])).toEqual({ kind: 'gpuStock' });
  });

  it('rejects unknown commands, options and missing values with a message', () => {
    expect(parseCacheCliArgs(['drop', '--kind', 'pricing'])).toMatch(/unknown command/);
    expect(parseCacheCliArgs(['clear'])).toMatch(/--kind is required/);
    expect(parseCacheCliArgs(['clear', '--kind'])).toMatch(/bad option/);
    expect(parseCacheCliArgs(['clear', '--kind', 'pricing', '--everything', 'yes'])).toMatch(
      /unknown option/,
    );
  });
});
