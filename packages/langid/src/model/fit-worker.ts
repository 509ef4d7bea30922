/**
 * Trains (and quantizes) one model in a worker thread, so trainModel can run the held-out run and the refit
 * at the same time on two cores (fastText in wasm trains on one thread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fitLines, type FitJob } from './fit.js';

const job = workerData as FitJob;
const weights = await fitLines(job.lines, job.hyperparameters, job.quantize);
parentPort?.postMessage(weights, [weights.buffer as ArrayBuffer]);
