// Keeps one worker process under the provider's rate (Resend's default is 2 requests per second):
// each send waits for its slot. Several processes each keep their own pace.
let proximoTurno = 0;

export async function esperarTurno(porSegundo: number): Promise<void> {
  const intervalo = 1000 / porSegundo;
  const ahora = Date.now();
  const turno = Math.max(ahora, proximoTurno);
  proximoTurno = turno + intervalo;
  if (turno > ahora) await new Promise((r) => setTimeout(r, turno - ahora));
}
