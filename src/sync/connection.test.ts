import { describe, expect, it, vi } from 'vitest';
import { Connection } from './connection.svelte';

describe('Connection', () => {
  it('starts reachable: a kiosk does not assume the worst before anything has failed', () => {
    expect(new Connection().reachable).toBe(true);
  });

  it('runs onBack once when the link returns after a silence', () => {
    const onBack = vi.fn();
    const connection = new Connection(onBack);
    connection.heard(false);
    expect(connection.reachable).toBe(false);
    expect(onBack).not.toHaveBeenCalled();
    connection.heard(true);
    expect(connection.reachable).toBe(true);
    expect(onBack).toHaveBeenCalledOnce();
    // Further answers while reachable are no return.
    connection.heard(true);
    connection.heard(true);
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('does not run onBack for answers while already reachable, nor for repeated failures', () => {
    const onBack = vi.fn();
    const connection = new Connection(onBack);
    connection.heard(true);
    connection.heard(false);
    connection.heard(false);
    expect(onBack).not.toHaveBeenCalled();
  });

  it('runs onBack again for each return after a new silence', () => {
    const onBack = vi.fn();
    const connection = new Connection(onBack);
    for (let i = 0; i < 3; i++) {
      connection.heard(false);
      connection.heard(true);
    }
    expect(onBack).toHaveBeenCalledTimes(3);
  });
});
