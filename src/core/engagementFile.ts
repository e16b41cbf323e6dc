/** How an engagement file is named: `*.engagement.yaml` or `*.engagement.yml`. */
export const ENGAGEMENT_FILE = /\.engagement\.ya?ml$/;
