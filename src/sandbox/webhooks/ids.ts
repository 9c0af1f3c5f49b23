import { randomBytes } from 'node:crypto';

export function newId(prefix: 'evt' | 'whd' | 'we'): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}
