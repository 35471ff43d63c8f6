import { kafkaSecurityOf } from '@work-permit/messaging';
import { registerDecorator } from 'class-validator';

/** `KAFKA_SSL_CA_FILE` must be a readable PEM file, and TLS on (KAFKA_SSL=true): checked with the other settings at boot. */
export function IsKafkaCaFile(): PropertyDecorator {
  return (target, propertyName) => {
    let problem = '';
    registerDecorator({
      name: 'isKafkaCaFile',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown, args) {
          if (value === undefined || value === null || value === '') return true;
          if ((args?.object as { KAFKA_SSL?: unknown }).KAFKA_SSL !== true) {
            problem = 'KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true';
            return false;
          }
          try {
            kafkaSecurityOf({ ssl: true, caFile: String(value) });
            return true;
          } catch (error) {
            problem = (error as Error).message;
            return false;
          }
        },
        defaultMessage: () => problem,
      },
    });
  };
}
