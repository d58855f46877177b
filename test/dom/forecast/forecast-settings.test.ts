import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHOICES,
  choicesFromSettings,
  choicesToSettings,
  type ForecastChoices,
} from '../../../src/ui/forecast/forecast-view.ts';

const districts = ['E08000016', 'E08000019'];
const reader = (settings: Record<string, string | null>) => (name: string) =>
  settings[name] ?? null;

describe('forecast choices in the address', () => {
  it('keeps the defaults out of the address, and reads back what it wrote', () => {
    expect(Object.values(choicesToSettings(DEFAULT_CHOICES)).every((v) => v === null)).toBe(true);
    const choices: ForecastChoices = {
      area: 'E08000019',
      phase: 'secondary',
      subject: 'Mathematics',
      drawCount: 500,
      seed: 7,
    };
    const settings = choicesToSettings(choices);
    expect(settings).toEqual({
      area: 'E08000019',
      phase: null,
      subject: 'Mathematics',
      draws: '500',
      seed: '7',
    });
    expect(choicesFromSettings(reader(settings), districts, 20_000)).toEqual(choices);
  });

  it('falls back to the default for a setting the page does not offer', () => {
    const read = reader({
      area: 'E09999999',
      phase: 'nursery',
      subject: 'Astrology',
      draws: '30000',
      seed: '-1',
    });
    expect(choicesFromSettings(read, districts, 20_000)).toEqual(DEFAULT_CHOICES);
  });
});
