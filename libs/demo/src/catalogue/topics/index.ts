import type { Industry } from '@jiebang/contracts';
import { ADVANCED_MATERIALS_TOPICS } from './advanced-materials';
import { BEIDOU_NAVIGATION_TOPICS } from './beidou-navigation';
import { BIOMEDICINE_TOPICS } from './biomedicine';
import { DRONES_TOPICS } from './drones';
import { ELECTRONIC_INFORMATION_TOPICS } from './electronic-information';
import { EQUIPMENT_MANUFACTURING_TOPICS } from './equipment-manufacturing';
import { FOOD_BEVERAGE_TOPICS } from './food-beverage';
import { INTEGRATED_CIRCUITS_TOPICS } from './integrated-circuits';
import { LASER_TECHNOLOGY_TOPICS } from './laser-technology';
import { NEW_DISPLAY_TOPICS } from './new-display';
import { NUCLEAR_TECHNOLOGY_TOPICS } from './nuclear-technology';
import { PV_STORAGE_TOPICS } from './pv-storage';
import type { Topic } from './topic';

export type { IndicatorSpec, Topic } from './topic';

/** Hand-written technology topics per industry. */
export const TOPICS: Record<Industry, readonly Topic[]> = {
  electronic_information: ELECTRONIC_INFORMATION_TOPICS,
  advanced_materials: ADVANCED_MATERIALS_TOPICS,
  equipment_manufacturing: EQUIPMENT_MANUFACTURING_TOPICS,
  food_beverage: FOOD_BEVERAGE_TOPICS,
  new_display: NEW_DISPLAY_TOPICS,
  nuclear_technology: NUCLEAR_TECHNOLOGY_TOPICS,
  laser_technology: LASER_TECHNOLOGY_TOPICS,
  pv_storage: PV_STORAGE_TOPICS,
  drones: DRONES_TOPICS,
  integrated_circuits: INTEGRATED_CIRCUITS_TOPICS,
  beidou_navigation: BEIDOU_NAVIGATION_TOPICS,
  biomedicine: BIOMEDICINE_TOPICS,
};
