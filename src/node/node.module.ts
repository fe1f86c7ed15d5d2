import { Global, Module } from '@nestjs/common';
import { FieldPrefetch } from '../common/graphql/field-prefetch';
import { NodeRegistry } from '../common/graphql/node';
import { NodeResolver } from './node.resolver';

/**
 * Global so every feature module can register its node fetchers (and the prefetches of its fields on other
 * features' types, FieldPrefetch) without importing this module.
 */
@Global()
@Module({ providers: [NodeRegistry, FieldPrefetch, NodeResolver], exports: [NodeRegistry, FieldPrefetch] })
export class NodeModule {}
