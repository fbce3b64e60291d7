// Starts the reference Bluesky PDS and a PLC directory on 127.0.0.1 for the tests (platform.md).
// Configuration comes from PDS_* variables and PLC_PORT; prints one JSON line when both are ready.
import { PDS, envToCfg, envToSecrets, readEnv } from '@atproto/pds'
import plcPackage from '@did-plc/server'

const { PlcServer, Database } = plcPackage

function loopbackOnly(app) {
  const listen = app.listen.bind(app)
  app.listen = (port, ...rest) => listen(port, '127.0.0.1', ...rest)
}

const plcPort = Number(process.env.PLC_PORT)
const plc = PlcServer.create({ db: Database.mock(), port: plcPort })
loopbackOnly(plc.app)
await plc.start()

const env = readEnv()
const pds = await PDS.create(envToCfg(env), envToSecrets(env))
loopbackOnly(pds.app)
await pds.start()
console.log(JSON.stringify({ ready: true, pds: env.port, plc: plcPort }))

const stop = async () => {
  try { await pds.destroy() } finally { await plc.destroy(); process.exit(0) }
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
