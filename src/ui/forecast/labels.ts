/** Words the Forecast page uses for the model's drivers and flows (tables, charts, files). */
import type { DriverName } from '../../model/index.ts';
import type { FlowOutput } from './forecast-view.ts';

export const DRIVER_LABELS: Record<DriverName, string> = {
  demandGrowth: 'Demand growth',
  underSupply: 'Under-supply carried forward',
  leavers: 'Leavers',
  workingHours: 'Working-hour losses',
  induction: 'Early-career induction',
  returners: 'Returners',
  newToSector: 'New to state-funded sector',
  otherRoutes: 'Other routes into teaching',
  netMovers: 'Net movers between areas',
  conversion: 'Conversion (completion x employment)',
};

export const FLOW_LABELS: Record<FlowOutput, string> = {
  demand: 'Teacher demand (FTE of teaching capacity)',
  supply: 'Teacher supply at the end of the year (FTE of teaching capacity)',
  stockFte: 'Teacher stock at the end of the year (contract FTE)',
  leavers: 'Leavers (FTE)',
  workingHourLosses: 'Working-hour losses (FTE)',
  returners: 'Returners (FTE)',
  newToSector: 'New to state-funded sector (FTE)',
  otherRouteEntrants: 'Newly qualified entrants from other routes (FTE)',
  postgraduateEntrants: 'Newly qualified entrants from postgraduate ITT (FTE)',
  entrantNeed: 'Entrant need (FTE of teaching capacity)',
  shortfall: 'Unmet demand (FTE)',
};

/** EES indicator names, as in the full forecast file (src/model/rows.ts). */
export const FLOW_COLUMNS: Record<FlowOutput, string> = {
  demand: 'teacher_demand_fte',
  supply: 'teacher_supply_fte',
  stockFte: 'teacher_stock_fte',
  leavers: 'leavers_fte',
  workingHourLosses: 'working_hour_losses_fte',
  returners: 'returners_fte',
  newToSector: 'new_to_sector_fte',
  otherRouteEntrants: 'other_route_entrants_fte',
  postgraduateEntrants: 'postgraduate_entrants_fte',
  entrantNeed: 'entrant_need_fte',
  shortfall: 'shortfall_fte',
};

/** Short words for the waterfall's axis, where long labels would not fit. */
export const DRIVER_SHORT_LABELS: Record<DriverName, string> = {
  demandGrowth: 'Demand',
  underSupply: 'Under-supply',
  leavers: 'Leavers',
  workingHours: 'Working hours',
  induction: 'Induction',
  returners: 'Returners',
  newToSector: 'New to sector',
  otherRoutes: 'Other routes',
  netMovers: 'Net movers',
  conversion: 'Conversion',
};
