import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { Kind, GraphQLError, type ValueNode } from 'graphql';

const DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/;

/**
 * Money amounts travel as decimal strings ("2.69", "0.0448") so no client loses cents to binary floats.
 * Barrack sends JSON numbers; mappers turn them into strings with `toDecimalString`.
 */
@Scalar('Decimal')
export class DecimalScalar implements CustomScalar<string, string> {
  description =
    'An exact decimal number serialized as a string, e.g. "2.69". Used for money (with a separate currency field) and rates.';

  parseValue(value: unknown): string {
    if (typeof value === 'number' && Number.isFinite(value)) return toDecimalString(value);
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    throw new GraphQLError('Decimal must be a string like "12.34"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }

  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return toDecimalString(value);
    throw new GraphQLError('Decimal cannot represent this value');
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT)
      return this.parseValue(ast.value);
    throw new GraphQLError('Decimal must be a string like "12.34"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

/** Shortest exact decimal text of a JSON number as Barrack sent it (no exponent, no float noise beyond 10 places). */
export function toDecimalString(n: number): string {
  if (!Number.isFinite(n)) throw new Error('not a finite number');
  // Whole amounts (0 accrued, say) are their own shortest text; toFixed then the pattern would give the same.
  if (Number.isSafeInteger(n)) return String(n);
  // Below 1e5 a double lies within 2^-37 of its shortest round-trip text (String(n)); when that text has at most
  // 10 decimals it sits on toFixed(10)'s grid, less than half a step away, so toFixed(10) trimmed is that very
  // text. That is every usual rate (1.55, 0.0448), without toFixed and its pattern (~200 ns each, 100 a page).
  if (n > -1e5 && n < 1e5) {
    const s = String(n);
    const dot = s.indexOf('.');
    if (dot !== -1 && s.length - dot <= 11 && !s.includes('e')) return s;
  }
  const fixed = n.toFixed(10);
  return fixed.replace(/\.?0+$/, '') || '0';
}
