import type { KindExtractor } from '../extractor.ts';
import { cloudNativePg } from './cloudnative-pg.ts';
import { operatorClaims } from './extract.ts';
import type { OperatorModel } from './model.ts';
import { perconaMongoDb } from './percona-mongodb.ts';
import { perconaXtraDb } from './percona-xtradb.ts';
import { crunchyPostgres, perconaPostgres } from './postgres-instances.ts';

/** Operators whose claims are modelled from the spec. Adding one: one file and one line here. */
export const OPERATOR_MODELS: readonly OperatorModel[] = [
  cloudNativePg,
  perconaXtraDb,
  perconaMongoDb,
  crunchyPostgres,
  perconaPostgres,
];

export const OPERATOR_CLAIM_EXTRACTORS: readonly KindExtractor[] = OPERATOR_MODELS.map(operatorClaims);
