import { Global, Module } from '@nestjs/common';
import { CacheAdminResolver } from './cache-admin.resolver';
import { CacheAdminService } from './cache-admin.service';
import { CacheService } from './cache.service';

/** Global so every catalogue feature (and mutations that invalidate stock) can inject CacheService. */
@Global()
@Module({
  providers: [CacheService, CacheAdminService, CacheAdminResolver],
  exports: [CacheService],
})
export class CacheModule {}
