import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ImagesApi, type ImageListFilter } from '../barrack/api/images.api';
import {
  toDeleteImagePayload,
  toImage,
  toSnapshotImageRelationship,
  toSnapshotImageRelationships,
} from './image.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import { memoize, type GqlContext } from '../common/context/gql-context';
import {
  assertConnectionArgs,
  connectionFromArray,
  type ConnectionShape,
} from '../common/graphql/connection';
import { argumentKey, lookupKey } from '../common/graphql/node';
import { PerRequestCollection, filterOrNone } from '../common/graphql/per-request-collection';
import { REGIONS } from '../common/graphql/barrack-enums';
import { keyOf } from '../common/graphql/input-check';
import { assertNonEmpty } from '../common/validation/input-rules';
import { exactName, newestFirst } from '../common/graphql/list-helpers';
import type { CreateImageFromSnapshotInput, DeleteImageInput, ImagesArgs } from './dto/image.inputs';
import type { Image, SnapshotImageRelationship } from './models/image.model';
import type { CreateImageFromSnapshotPayload, DeleteImagePayload } from './models/image-payloads.model';

/** Barrack's batch relationship call takes at most this many snapshot ids. */
const RELATIONSHIP_BATCH = 100;

@Injectable()
export class ImagesService {
  constructor(
    private readonly api: ImagesApi,
    private readonly upstream: UpstreamContextFactory,
  ) {}

  /** The account's custom images as this request sees them. */
  private readonly collection = new PerRequestCollection<Image, ImageListFilter>('images', {
    listAll: async (ctx, filter = {}) =>
      (await this.api.listAll(filter, this.upstream.for(ctx))).map(toImage),
    getOne: async (id, ctx) => toImage((await this.api.get(id, this.upstream.for(ctx))).data),
  });

  allImages(ctx: GqlContext): Promise<Image[]> {
    return this.collection.all(ctx);
  }

  /** Snapshot → relationship, batched through Barrack's batch operation (one call per 100 snapshots). */
  private relationshipLoader(ctx: GqlContext): DataLoader<string, SnapshotImageRelationship> {
    return memoize(
      ctx,
      'images.relationshipBySnapshot',
      () =>
        new DataLoader<string, SnapshotImageRelationship>(
          async (ids) => {
            const res = await this.api.relationships([...ids], this.upstream.for(ctx));
            return toSnapshotImageRelationships(ids, res.data);
          },
          { maxBatchSize: RELATIONSHIP_BATCH },
        ),
    );
  }

  /** The image with exactly this name, read from Barrack now, past any per-request list (idempotency reconciles with it). */
  async findByName(name: string, ctx: GqlContext): Promise<Image | null> {
    return exactName((await this.api.listAll({ search: name }, this.upstream.for(ctx))).map(toImage), name);
  }

  load(id: string, ctx: GqlContext): Promise<Image | null> {
    return this.collection.load(id, ctx);
  }

  /** `image(id:)`: null for an id that names no image of this account (no Barrack call if malformed). */
  async find(id: string, ctx: GqlContext): Promise<Image | null> {
    const key = lookupKey(id, 'Image');
    return key === null ? null : this.load(key, ctx);
  }

  async list(args: ImagesArgs, ctx: GqlContext): Promise<ConnectionShape<Image>> {
    assertConnectionArgs(args, 'images');
    const all = await this.collection.matching(
      ctx,
      filterOrNone({
        region: args.region ? REGIONS.toWire(args.region) : undefined,
        search: args.search || undefined,
      }),
    );
    return connectionFromArray(newestFirst(all), args, 'images');
  }

  relationshipOf(snapshotId: string, ctx: GqlContext): Promise<SnapshotImageRelationship> {
    return this.relationshipLoader(ctx).load(snapshotId);
  }

  /** The single-snapshot operation, for clients that ask about exactly one snapshot. */
  async relationship(snapshotId: string, ctx: GqlContext): Promise<SnapshotImageRelationship> {
    const key = argumentKey(snapshotId, 'Snapshot', 'snapshotId');
    return toSnapshotImageRelationship((await this.api.relationship(key, this.upstream.for(ctx))).data);
  }

  async relationships(snapshotIds: string[], ctx: GqlContext): Promise<SnapshotImageRelationship[]> {
    assertNonEmpty('snapshotIds', snapshotIds, RELATIONSHIP_BATCH);
    const keys = snapshotIds.map((id) => argumentKey(id, 'Snapshot', 'snapshotIds'));
    return Promise.all(keys.map((key) => this.relationshipOf(key, ctx)));
  }

  async imageOfSnapshot(snapshotId: string, ctx: GqlContext): Promise<Image | null> {
    const rel = await this.relationshipOf(snapshotId, ctx);
    return rel.hasImage && rel.imageId ? this.load(rel.imageId, ctx) : null;
  }

  async createFromSnapshot(
    input: CreateImageFromSnapshotInput,
    ctx: GqlContext,
  ): Promise<CreateImageFromSnapshotPayload> {
    const res = await this.api.createFromSnapshot(
      keyOf(input.snapshotId, 'Snapshot', 'snapshotId'),
      { name: input.name.trim(), ...(input.labels ? { labels: input.labels } : {}) },
      this.upstream.for(ctx),
    );
    return { image: toImage(res.data), requestId: res.requestId ?? null };
  }

  async delete(input: DeleteImageInput, ctx: GqlContext): Promise<DeleteImagePayload> {
    const id = keyOf(input.id, 'Image');
    const res = await this.api.delete(id, this.upstream.for(ctx));
    return toDeleteImagePayload(res.data, id, res.requestId);
  }
}
