import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { PATTERN_HANDLER_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { PatternHandler } from '@nestjs/microservices/enums/pattern-handler.enum';

type ModuleRef = Type | DynamicModule | ForwardReference | Promise<DynamicModule> | undefined;

/**
 * The event types a module's `@EventPattern` handlers take, found as Nest finds them: every controller
 * of the module and of everything it imports, every method of theirs with an event pattern. A service's
 * subscriptions follow from these (`topicsReadBy` in contracts), checked by a test per service; at
 * run time `KafkaBatchServer` reads the same registrations to know which messages it may skip unread.
 * Modules given as promises (async imports) are not followed: none of this project's has consumers.
 */
export function eventTypesHandledIn(root: Type | DynamicModule): string[] {
  const types = new Set<string>();
  const seenModules = new Set<unknown>();
  const seenControllers = new Set<Type>();
  const visit = (ref: ModuleRef): void => {
    if (!ref || ref instanceof Promise) return;
    const module = 'forwardRef' in ref ? (ref.forwardRef() as Type | DynamicModule) : ref;
    if (seenModules.has(module)) return;
    seenModules.add(module);
    const dynamic = 'module' in module ? module : undefined;
    const type = (dynamic ? dynamic.module : module) as Type;
    const controllers = [...((Reflect.getMetadata('controllers', type) as Type[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
    for (const controller of controllers) {
      if (seenControllers.has(controller)) continue;
      seenControllers.add(controller);
      for (const pattern of eventPatternsOf(controller)) types.add(pattern);
    }
    const imports = [...((Reflect.getMetadata('imports', type) as ModuleRef[] | undefined) ?? []), ...(dynamic?.imports ?? [])];
    for (const imported of imports) visit(imported);
  };
  visit(root);
  return [...types].sort();
}

/** The event patterns of one controller class, its inherited methods included. */
export function eventPatternsOf(controller: Type): string[] {
  const patterns: string[] = [];
  const names = new Set<string>();
  for (let proto = controller.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  for (const name of names) {
    if (name === 'constructor') continue;
    const descriptor = findDescriptor(controller.prototype as object, name);
    const method: unknown = descriptor?.value;
    if (typeof method !== 'function') continue;
    if (Reflect.getMetadata(PATTERN_HANDLER_METADATA, method) !== PatternHandler.EVENT) continue;
    for (const pattern of (Reflect.getMetadata(PATTERN_METADATA, method) as unknown[] | undefined) ?? []) {
      if (typeof pattern !== 'string') throw new Error(`${controller.name}.${name}: event pattern ${JSON.stringify(pattern)} is not an event type`);
      patterns.push(pattern);
    }
  }
  return patterns;
}

function findDescriptor(proto: object | null, name: string): PropertyDescriptor | undefined {
  for (let current = proto; current && current !== Object.prototype; current = Object.getPrototypeOf(current) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(current, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}
