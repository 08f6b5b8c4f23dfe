/** Ports of the test emulator and the previewed production build; change them to run two suites side by side. */
export const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4011);
export const previewPort = Number(process.env.E2E_PREVIEW_PORT ?? 4174);
export const emulatorUrl = `http://localhost:${emulatorPort}`;
