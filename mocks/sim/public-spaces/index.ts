export { publicSpacesModel } from './public-spaces-model';
export { CROWD_DISPERSAL_MS, attendanceShare, crowdShares } from './crowd';
export { CROWDING_ALARM_SHARE, CROWDING_RULE, CROWDING_WARNING_SHARE } from './readings';
