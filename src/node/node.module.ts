import { Global, Module } from '@nestjs/common';
import { NodeRegistry } from '../common/graphql/node';
import { NodeResolver } from './node.resolver';

/** Global so every feature module can register its node fetchers without importing this module. */
@Global()
@Module({ providers: [NodeRegistry, NodeResolver], exports: [NodeRegistry] })
export class NodeModule {}
