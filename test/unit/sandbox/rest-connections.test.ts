import { describe, expect, test } from 'vitest';
import { startHarness, testPhone } from './harness';

describe('/v1/connections', () => {
  test('given a connection made through checkout, then retrieve shows its customer, wallet and no subscription', async () => {
    const h = await startHarness();
    const id = await h.onboard(testPhone(10), { first_name: 'Grace', last_name: 'Hopper', email: 'Grace@Example.com' });
    const res = await h.rest('GET', `connections/${id}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      connection_id: id,
      has_lava_credit_balance: false,
      customer: { phone: testPhone(10), email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper' },
      subscription: null,
      wallet: { balance: '0.00', autopay_enabled: false },
    });
    const sub = await h.rest('GET', `connections/${id}/subscription`);
    expect(sub.json).toEqual({ subscription: null });
  });

  test('given five connections, then the list pages with limit, has_more and next_cursor', async () => {
    const h = await startHarness();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await h.onboard(testPhone(20 + i)));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await h.rest('GET', `connections?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.data.map((c: { connection_id: string }) => c.connection_id));
      cursor = res.json.next_cursor;
      expect(res.json.has_more).toBe(cursor !== undefined);
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  test.each([['0'], ['101'], ['abc'], ['-1'], ['2.5']])('given limit=%s, then 400', async (limit) => {
    const h = await startHarness();
    const res = await h.rest('GET', `connections?limit=${limit}`);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/limit/);
  });

  test('given a cursor the API did not make, then 400', async () => {
    const h = await startHarness();
    const res = await h.rest('GET', 'connections?cursor=bm9wZQ');
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/cursor/);
  });

  test('given a deleted connection, then it is gone from retrieve and list, and deleting again is 404', async () => {
    const h = await startHarness();
    const id = await h.onboard(testPhone(30));
    const del = await h.rest('DELETE', `connections/${id}`);
    expect(del.json).toEqual({ success: true });
    expect((await h.rest('GET', `connections/${id}`)).status).toBe(404);
    expect((await h.rest('GET', `connections/${id}/subscription`)).status).toBe(404);
    expect((await h.rest('GET', 'connections')).json.data).toEqual([]);
    expect((await h.rest('DELETE', `connections/${id}`)).status).toBe(404);
  });

  test('given an unknown id, then 404 not_found', async () => {
    const h = await startHarness();
    const res = await h.rest('GET', 'connections/conn_missing');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});
