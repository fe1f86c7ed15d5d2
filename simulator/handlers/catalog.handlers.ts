import type { components } from '../../src/barrack/contract/barrack-api.types';
import {
  AI_FX,
  AI_MODELS,
  GPU_COUNTS,
  GPU_MODELS,
  HIBERNATION_RATE,
  OS_IMAGES,
  PROTOCOLS,
  REGIONS,
  REGION_NAMES,
  VOLUME_TB_HOUR,
  flavour,
  gpuHourlyRate,
  perMinute,
  round4,
  type Currency,
} from '../catalog';
import { bodyOf, qStr, type HandlerContext, type HandlerTable } from './handler';

type S = components['schemas'];

// Built once: the regions reply is the benchmark's hot path.
const REGIONS_DATA: S['Regions'] = { regions: [...REGIONS] };
const VOLUME_TYPES: S['VolumeTypes'] = { volume_types: ['Cloud-SSD'] };
const PROTOCOLS_DATA: S['Protocols'] = { protocols: [...PROTOCOLS] };

/** The regions this account sees, narrowed by a `region` query parameter when there is one. */
function visibleRegions(ctx: HandlerContext): readonly (typeof REGION_NAMES)[number][] {
  const region = qStr(ctx, 'region');
  return ctx.account.regions.filter((r) => !region || r === region);
}

function currencyOf(ctx: HandlerContext): Currency {
  return (qStr(ctx, 'currency') as Currency | undefined) ?? ctx.account.currency;
}

export const catalogHandlers: HandlerTable = {
  getBalance: (ctx) => {
    const balance = ctx.sim.balance(ctx.account);
    const data: S['Balance'] = {
      balance,
      currency: ctx.account.currency,
      threshold: 0,
      can_create_instance: balance > 0,
    };
    return { message: 'Balance retrieved successfully', data };
  },

  listRegions: (ctx) => ({
    message: 'Regions retrieved successfully',
    data:
      ctx.account.regions.length === REGION_NAMES.length
        ? REGIONS_DATA
        : { regions: REGIONS.filter((r) => ctx.account.regions.includes(r.name)) },
  }),

  listGpuStocks: (ctx) => {
    const data: S['GPUStocks'] = {
      gpu_stocks: visibleRegions(ctx).map((r) => ({
        region: r,
        stock_type: 'GPU',
        models: GPU_MODELS.map((model) => ({
          model,
          available: String(ctx.sim.gpusInStock(r, model)),
          planned_7_days: null,
          planned_30_days: null,
          planned_100_days: null,
          configurations: ctx.sim.configurations(r, model),
        })),
      })),
    };
    return { message: 'GPU stock retrieved successfully', data };
  },

  getGpuSpecs: (ctx) => {
    const regions = visibleRegions(ctx);
    const model = qStr(ctx, 'gpu_model');
    const specs: S['GPUSpec'][] = [];
    for (const m of GPU_MODELS) {
      if (model && m !== model) continue;
      for (const count of GPU_COUNTS) {
        const f = flavour(m, count);
        specs.push({
          gpu_model: m,
          gpu_count: count,
          vcpus: f.vcpus,
          ram_gb: f.ramGb,
          root_disk_gb: f.rootDiskGb,
          ephemeral_disk_gb: f.ephemeralGb,
          regions: [...regions],
          hourly_rate: gpuHourlyRate(m, count, ctx.account.currency),
          currency: ctx.account.currency,
        });
      }
    }
    return { message: 'GPU specifications retrieved successfully', data: { gpu_specs: specs } };
  },

  getPricing: (ctx) => {
    const currency = currencyOf(ctx);
    const model = qStr(ctx, 'gpu_model');
    const data: S['Pricing'] = {
      currency,
      gpus: GPU_MODELS.filter((m) => !model || m === model).map((m) => {
        const hourly = gpuHourlyRate(m, 1, currency);
        return { gpu_model: m, hourly_rate: hourly, per_minute_rate: perMinute(hourly) };
      }),
      storage: { volume_per_tb_hour: VOLUME_TB_HOUR[currency] },
      hibernation: { per_hour: HIBERNATION_RATE[currency] },
    };
    return { message: 'Pricing retrieved successfully', data };
  },

  quotePricing: (ctx) => {
    const body = bodyOf<S['PricingRequest']>(ctx);
    const currency = body.currency ?? ctx.account.currency;
    const hourly = gpuHourlyRate(body.gpu_model, body.gpu_count, currency);
    const data: S['PricingQuote'] = {
      gpu_model: body.gpu_model,
      gpu_count: body.gpu_count,
      currency,
      hourly_rate: hourly,
      per_minute_rate: perMinute(hourly),
      estimated_total: round4(hourly * (body.hours ?? 1)),
    };
    return { message: 'Quote calculated successfully', data };
  },

  listOsImages: (ctx) => {
    const data: S['OSImages'] = {
      images: visibleRegions(ctx).map((r) => ({
        region: r,
        type: 'Ubuntu',
        logo: 'https://barrack.ai/static/os/ubuntu.png',
        images: OS_IMAGES.map((img) => ({
          id: img.id,
          name: img.name,
          version: img.version,
          size: 100 * 1024 ** 3,
          display_size: '100.0 GB',
          region: r,
        })),
      })),
    };
    return { message: 'OS images retrieved successfully', data };
  },

  listVolumeTypes: () => ({ message: 'Volume types retrieved successfully', data: VOLUME_TYPES }),

  listFirewallProtocols: () => ({ message: 'Protocols retrieved successfully', data: PROTOCOLS_DATA }),

  listAiModels: (ctx) => {
    const fx = AI_FX[ctx.account.currency];
    const data: S['AiModels'] = {
      models: AI_MODELS.map((m) => ({
        id: m.id,
        name: m.name,
        input_price_per_1k: round4(m.inputPer1k * fx),
        output_price_per_1k: round4(m.outputPer1k * fx),
      })),
    };
    return { message: 'Models retrieved successfully', data };
  },
};
