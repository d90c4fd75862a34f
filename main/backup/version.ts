import packageJson from '../../package.json';

/** Written into every backup's manifest: which Sahakum made it. */
export const APP_VERSION: string = packageJson.version;
