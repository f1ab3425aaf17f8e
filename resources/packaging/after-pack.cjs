// electron-builder afterPack hook: flips Electron's fuses in the packed binary (before signing).
//   RunAsNode off, NODE_OPTIONS off, --inspect off (kept on only when SIGILO_TEST_BUILD=1, for e2e of the
//   packaged app), embedded asar integrity validation on, load the app only from app.asar, cookie
//   encryption on, file:// gets no extra privileges (the renderer uses app://).
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

function fuseConfig(testBuild) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: testBuild,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

exports.fuseConfig = fuseConfig;

exports.default = async function afterPack(context) {
  const testBuild = process.env.SIGILO_TEST_BUILD === '1';
  const binary = electronBinary(context);
  const config = { ...fuseConfig(testBuild), resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* arm64 */ };
  await flipFuses(binary, config);
  console.log(`  • fuses flipped on ${path.basename(binary)} (inspect ${testBuild ? 'on: test build' : 'off'})`);
};
