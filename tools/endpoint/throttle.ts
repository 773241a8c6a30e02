/**
 * ECS's request throttling: one token bucket per action category per account and region (burst = bucket size,
 * sustained = refill per second). A call that finds its bucket empty is answered ThrottlingException
 * "Rate exceeded". The numbers are those of the ECS documentation; every category can be changed.
 */

export interface BucketSpec {
  /** Bucket size: the calls allowed at once after a quiet period. */
  burst: number;
  /** Refill rate: calls per second sustained. */
  rate: number;
}

export interface ThrottleCategory extends BucketSpec {
  operations: string[];
}

/** The categories of the ECS API reference's request-throttling page; `other` takes every unlisted action. */
export const ECS_THROTTLE_CATEGORIES: Readonly<Record<string, ThrottleCategory>> = {
  clusterRead: { burst: 50, rate: 20, operations: ['ListClusters', 'DescribeClusters'] },
  clusterResourceRead: { burst: 100, rate: 20, operations: ['ListTasks', 'DescribeTasks', 'ListContainerInstances', 'DescribeContainerInstances'] },
  clusterResourceModify: { burst: 100, rate: 40, operations: ['StopTask'] },
  serviceRead: { burst: 100, rate: 20, operations: ['ListServices', 'DescribeServices', 'ListServiceDeployments', 'DescribeServiceDeployments'] },
  serviceModify: { burst: 50, rate: 5, operations: ['CreateService', 'UpdateService', 'StopServiceDeployment'] },
  taskDefinitionRead: { burst: 50, rate: 20, operations: ['ListTaskDefinitionFamilies', 'ListTaskDefinitions', 'DescribeTaskDefinition'] },
  taskDefinitionModify: { burst: 20, rate: 1, operations: ['RegisterTaskDefinition', 'DeregisterTaskDefinition'] },
  other: { burst: 50, rate: 20, operations: [] },
};

interface Bucket extends ThrottleCategory {
  tokens: number;
  at: number;
}

export class Throttle {
  private buckets = new Map<string, Bucket>();
  enabled: boolean;

  constructor(
    categories: Readonly<Record<string, Partial<ThrottleCategory>>> = {},
    enabled = true,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = enabled;
    this.configure({ ...ECS_THROTTLE_CATEGORIES, ...categories });
  }

  /** Adds or changes categories (a partial spec keeps the other numbers) and refills every bucket. */
  configure(categories: Readonly<Record<string, Partial<ThrottleCategory>>>): void {
    for (const [name, spec] of Object.entries(categories)) {
      const old = this.buckets.get(name) ?? ECS_THROTTLE_CATEGORIES[name] ?? { burst: 50, rate: 20, operations: [] };
      const burst = spec.burst ?? old.burst;
      const rate = spec.rate ?? old.rate;
      if (!(burst >= 1) || !(rate > 0)) throw new Error(`throttle category ${name}: burst must be >= 1 and rate > 0`);
      this.buckets.set(name, { burst, rate, operations: spec.operations ?? old.operations, tokens: burst, at: this.now() });
    }
    this.reset();
  }

  /** Full buckets, as after a quiet minute. */
  reset(): void {
    for (const b of this.buckets.values()) {
      b.tokens = b.burst;
      b.at = this.now();
    }
  }

  categoryOf(operation: string): string {
    for (const [name, b] of this.buckets) if (b.operations.includes(operation)) return name;
    return 'other';
  }

  /** Takes a token for `operation`; false when the call must be throttled. */
  take(operation: string): boolean {
    if (!this.enabled) return true;
    const b = this.buckets.get(this.categoryOf(operation));
    if (!b) return true;
    const now = this.now();
    b.tokens = Math.min(b.burst, b.tokens + ((now - b.at) / 1000) * b.rate);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  describe(): Record<string, ThrottleCategory> {
    return Object.fromEntries([...this.buckets].map(([name, b]) => [name, { burst: b.burst, rate: b.rate, operations: [...b.operations] }]));
  }
}
