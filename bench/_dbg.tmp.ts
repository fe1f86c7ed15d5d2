import { runLoad, gqlPost } from './lib/load';
import * as cfg from './bench.config';
(async () => {
  const r = gqlPost(cfg.TYPENAME_QUERY, {}, { authorization: 'Bearer bgw_0WeSwZsdoYzT_Ar4Dfp1A9ry4h9ZqbI6wMCApbA3U62NYj2h1EUZY' }, cfg.checkTypename);
  const res = await runLoad('http://127.0.0.1:4721', () => r, 32, 2);
  console.log(JSON.stringify(res));
  const c = gqlPost(cfg.CATALOGUE_QUERY, {}, { authorization: 'Bearer bgw_0WeSwZsdoYzT_Ar4Dfp1A9ry4h9ZqbI6wMCApbA3U62NYj2h1EUZY' }, cfg.checkCatalogue);
  console.log(JSON.stringify(await runLoad('http://127.0.0.1:4721', () => c, 32, 2)));
})();
