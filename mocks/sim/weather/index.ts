export { weatherModel } from './weather-model';
export { RAIN_FULL_MMH, rainEnvelope, rainIntensityAt, rainMmHAt, rainRampMs } from './rain';
export { MAX_SHOWER_MS, SHOWER_BUCKET_MS, backgroundShowers } from './showers';
