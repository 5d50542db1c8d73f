import type { OrganisationKind } from './roles';

/**
 * The envelope every domain event travels in. `version` is the aggregate's version after the
 * change, so a consumer can ignore a late duplicate that would overwrite newer data.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  aggregateId: string;
  version: number;
  occurredAt: string;
  payload: TPayload;
}

export interface OrganisationRegisteredPayload {
  name: string;
  kind: OrganisationKind;
}

export interface AdvisorAssignmentsChangedPayload {
  /** The complete set of enterprise organisations the advisor serves after the change. */
  organisationIds: string[];
}

/** Payload types by event name: the single list of events contexts exchange. */
export interface EventPayloads {
  'identity.organisation_registered': OrganisationRegisteredPayload;
  'identity.advisor_assignments_changed': AdvisorAssignmentsChangedPayload;
}

export type EventType = keyof EventPayloads;
export type DomainEvent<T extends EventType = EventType> = EventEnvelope<T, EventPayloads[T]>;

/**
 * Which consumers receive which events. Every service declares the whole topology at start, so
 * an event published while its consumer's service is down still waits in that consumer's queue.
 * Consumers are added here by the contexts that introduce them.
 */
export type EventTopology = Readonly<Record<string, readonly string[]>>;

export const EVENT_TOPOLOGY: EventTopology = {
  'identity.organisation_registered': [],
  'identity.advisor_assignments_changed': [],
};
