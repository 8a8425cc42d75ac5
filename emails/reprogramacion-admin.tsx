// Email to each address in ADMIN_EMAILS (seed 000 §2A): everything needed to audit the change,
// internal notes and rule bypasses included. Never sent to clients.
import { Button, Heading, Section } from "@react-email/components";
import { CONTACTO_EJEMPLO, type CorreoAdminProps } from "./tipos";
import { Dato, Marco, colores, estilos } from "./componentes/marco";

export const asuntoAdmin = (p: Pick<CorreoAdminProps, "reservaId" | "tipo" | "actor">) =>
  `[Auditoría] Reserva #${p.reservaId} reprogramada (${p.tipo}) por ${p.actor.nombre}`;

export default function CorreoAdmin(p: CorreoAdminProps) {
  return (
    <Marco vistaPrevia={asuntoAdmin(p)} contacto={p.contacto}>
      <Heading as="h1" style={{ fontSize: "20px", color: colores.texto, margin: "0 0 16px" }}>
        Reprogramación #{p.historialId} · Reserva #{p.reservaId}
      </Heading>
      <Section style={estilos.caja}>
        <Dato etiqueta="Cliente">
          {p.cliente.nombre} ({p.cliente.email}){p.cliente.nivel ? ` · nivel ${p.cliente.nivel}` : ""}
        </Dato>
        <Dato etiqueta="Reprogramado por">
          {p.actor.nombre} ({p.actor.email}) · {p.actor.rol}
        </Dato>
        <Dato etiqueta="Tipo">{p.tipo}</Dato>
        <Dato etiqueta="Destino">{p.destino}</Dato>
        <Dato etiqueta="Fecha anterior">{p.fechaAnterior}</Dato>
        <Dato etiqueta="Nueva fecha">{p.fechaNueva}</Dato>
        <Dato etiqueta="Registrado">{p.fechaRegistro}</Dato>
        <Dato etiqueta="Motivo">{p.motivo}</Dato>
      </Section>
      <Section style={estilos.caja}>
        <Dato etiqueta="Total">
          {p.totalAnterior} → {p.totalNuevo} ({p.moneda})
        </Dato>
        <Dato etiqueta="Costo aplicado">{p.costo}</Dato>
        <Dato etiqueta="Descuento">
          {p.descuento ? `${p.descuento.porcentaje} % (${p.descuento.monto})${p.descuento.razon ? ` · ${p.descuento.razon}` : ""}` : "Ninguno"}
        </Dato>
        <Dato etiqueta="Cupones">{p.cupones.length ? p.cupones.map((c) => `${c.codigo} (${c.valor}, hasta ${c.validoHasta})`).join(", ") : "Ninguno"}</Dato>
      </Section>
      <Section style={estilos.caja}>
        <Dato etiqueta="Reglas aplicadas">{p.reglasAplicadas.length ? p.reglasAplicadas.join(", ") : "Ninguna"}</Dato>
        <Dato etiqueta="Reglas omitidas (bypass)">
          {p.reglasBypass.length ? p.reglasBypass.map((b) => `${b.regla}: ${b.razon} (autorizó ${b.autorizado_por})`).join("; ") : "Ninguna"}
        </Dato>
        <Dato etiqueta="Prioridad / categoría">
          {p.prioridad ?? "—"} / {p.categoria ?? "—"}
        </Dato>
        <Dato etiqueta="Observaciones internas">{p.observacionesInternas ?? "—"}</Dato>
        <Dato etiqueta="Mensaje para el cliente">{p.observacionesCliente ?? "—"}</Dato>
        <Dato etiqueta="Aviso al cliente">{p.clienteNotificado ? "Se envía correo al cliente" : "Sin aviso al cliente (notificar_cliente = false)"}</Dato>
      </Section>
      <Button href={p.enlaceReserva} style={estilos.boton}>
        Ver en el panel de soporte
      </Button>
    </Marco>
  );
}

CorreoAdmin.PreviewProps = {
  historialId: 2,
  reservaId: 1015,
  destino: "Salar de Uyuni",
  cliente: { nombre: "Juan Pérez", email: "cliente@demo.bo", nivel: "BRONZE" },
  actor: { nombre: "María Mamani", email: "operador@demo.bo", rol: "OPERADOR" },
  tipo: "OPERADOR_ASISTIDO",
  fechaAnterior: "jueves, 20 de noviembre de 2025, 10:30 (hora de America/La_Paz)",
  fechaNueva: "martes, 25 de noviembre de 2025, 10:30 (hora de America/La_Paz)",
  fechaRegistro: "sábado, 20 de septiembre de 2025, 07:15 (hora de America/La_Paz)",
  zona: "America/La_Paz",
  motivo: "Cliente solicitó cambio por viaje de emergencia",
  totalAnterior: "Bs 2.400,00",
  totalNuevo: "Bs 2.280,00",
  moneda: "BOB",
  costo: "Bs 0,00",
  descuento: { porcentaje: "5", monto: "Bs 120,00", totalAnterior: "Bs 2.400,00", totalNuevo: "Bs 2.280,00", razon: "Disculpa por inconvenientes" },
  cupones: [],
  reglasAplicadas: ["TIEMPO_MINIMO", "LIMITE_REPROGRAMACIONES"],
  reglasBypass: [],
  prioridad: "MEDIA",
  categoria: null,
  observacionesInternas: "Cliente llamó preocupado, se aplicó descuento como gesto de buena voluntad",
  observacionesCliente: null,
  clienteNotificado: true,
  contacto: CONTACTO_EJEMPLO,
  enlaceReserva: "http://localhost:3000/soporte?reserva=1015",
} satisfies CorreoAdminProps;
