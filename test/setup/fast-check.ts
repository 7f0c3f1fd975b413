import fc from 'fast-check';

// Property tests run with a fixed seed so CI is repeatable: a failure is a bug to fix, never a coin toss. Explore new
// inputs locally with FC_SEED=random (or any number), and pin a counterexample as a unit test when one turns up.
const raw = process.env.FC_SEED ?? '20261124';
fc.configureGlobal(raw === 'random' ? {} : { seed: Number(raw) });
