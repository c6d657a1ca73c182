// The planners the runtime executes: upgrade, downgrade and stamp, each in its own module
// (plan-upgrade.ts, plan-downgrade.ts, plan-stamp.ts, plan-offline-stamp.ts); this module gathers them.

export { planUpgrade } from "./plan-upgrade.js";
export { planDowngrade } from "./plan-downgrade.js";
export { planStamp, planStampSteps, type StampStep } from "./plan-stamp.js";
export { planOfflineStamp, type OfflineStampPlan } from "./plan-offline-stamp.js";
