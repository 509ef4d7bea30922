/**
 * `@ntl/langid/neural`: the semi-supervised neural LangID stage (SSLID), kept out of the main entry point because
 * loading TensorFlow.js costs ~0.7 CPU-seconds, which every CLI command and pipeline worker would otherwise pay
 * whether or not it uses the neural stage. Import it (dynamically, where optional) only where that stage runs.
 */
export { addNeuralStage, type NeuralStageOptions } from './model/neural-stage.js';
export { selectBackend, ensureBackend, BACKEND_PREFERENCES, type BackendPreference, type BackendChoice, type BackendOptions } from './neural/backend.js';
export { NeuralLangIdModel } from './neural/neural-model.js';
export { createNeuralModel, labelledSequences, trainNeuralModel, tuneOnHeldOut, DEFAULT_NEURAL_MODEL, DEFAULT_JOINT_STEPS, DEFAULT_SELF_TRAINING_STEPS, type NeuralModelOptions, type TrainNeuralOptions, type TrainedNeuralModel } from './neural/train-neural.js';
export { trainNetwork, DEFAULT_TRAINING, type TrainingOptions, type TrainingReport, type TrainingData, type LabelledSequence } from './neural/training.js';
export { selfTrain, DEFAULT_ROUNDS, type SelfTrainingOptions, type SelfTrainingRound } from './neural/self-training.js';
export { selectPseudoLabels, DEFAULT_PSEUDO_LABELS, type PseudoLabelOptions, type PseudoLabelSelection } from './neural/pseudo-labels.js';
export { InterpolatedClassifier, interpolate, tuneInterpolationWeight, type WeightTuning } from './neural/interpolated-classifier.js';
export { saveNeuralModel, loadNeuralModel, loadCombinedClassifier, NEURAL_FILES, NEURAL_KIND, NEURAL_VERSION, type NeuralMetadata } from './neural/neural-folder.js';
export { fileIOHandler, WeightsFileError } from './neural/file-io-handler.js';
