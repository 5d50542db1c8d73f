/** The demand context's name as an event consumer: its queues, inbox rows and replay target. */
export const DEMAND_CONSUMER = 'demand';
