// The cancellation notice: to the client (what is refunded and when the agency pays it) and, with
// who cancelled, the policy and any adjustment, to each address in ADMIN_EMAILS.
import { Button, Heading, Section, Text } from "@react-email/components";
import { CONTACTO_EJEMPLO, type CorreoCancelacionProps } from "./tipos";
import { Dato, Dudas, Marco, colores, estilos } from "./componentes/marco";

export const asuntoCancelacion = (p: Pick<CorreoCancelacionProps, "para" | "reservaId" | "canceladoPor">) =>
  p.para === "cliente" ? `Tu reserva #${p.reservaId} fue cancelada` : `[Auditoría] Reserva #${p.reservaId} cancelada por ${p.canceladoPor}`;

export default function CorreoCancelacion(p: CorreoCancelacionProps) {
  const cliente = p.para === "cliente";
  return (
    <Marco vistaPrevia={`${asuntoCancelacion(p)}: reembolso de ${p.reembolso.monto}`} contacto={p.contacto}>
      <Heading as="h1" style={{ fontSize: "22px", color: colores.texto, margin: "0 0 16px" }}>
        {asuntoCancelacion(p)}
      </Heading>
      {cliente && (
        <>
          <Text style={estilos.texto}>Hola {p.nombreCliente},</Text>
          <Text style={estilos.texto}>Confirmamos la cancelación de tu reserva. La agencia te devolverá el monto indicado abajo por el mismo medio con que pagaste.</Text>
        </>
      )}
      <Section style={estilos.caja}>
        <Dato etiqueta="Reserva">#{p.reservaId} · {p.destino}</Dato>
        <Dato etiqueta="Fecha del viaje">{p.fecha}</Dato>
        {!cliente && <Dato etiqueta="Cliente">{p.nombreCliente} ({p.emailCliente})</Dato>}
        <Dato etiqueta="Cancelada por">{p.canceladoPor}</Dato>
        <Dato etiqueta="Motivo">{p.motivo}</Dato>
        {!cliente && <Dato etiqueta="Registrado">{p.fechaRegistro}</Dato>}
      </Section>
      <Section style={estilos.caja}>
        <Dato etiqueta="Total pagado">{p.total}</Dato>
        <Dato etiqueta="Reembolso">{p.reembolso.monto} ({p.reembolso.porcentaje} %)</Dato>
        {p.costo && <Dato etiqueta="Cargo por cancelar">{p.costo}</Dato>}
        {!cliente && <Dato etiqueta="Política">{p.politica ?? "Valores por defecto de la agencia"}</Dato>}
        {!cliente && p.ajuste && (
          <Dato etiqueta="Ajuste">
            {p.ajuste.porcentajeCalculado} % según la política → {p.reembolso.porcentaje} % · {p.ajuste.razon} ({p.ajuste.autorizadoPor})
          </Dato>
        )}
      </Section>
      <Section style={{ margin: "8px 0 16px" }}>
        <Button href={p.enlaceReserva} style={estilos.boton}>
          {cliente ? "Ver mi reserva" : "Abrir la reserva"}
        </Button>
      </Section>
      {cliente && <Dudas contacto={p.contacto} />}
    </Marco>
  );
}

CorreoCancelacion.PreviewProps = {
  para: "cliente",
  nombreCliente: "Juan Pérez",
  emailCliente: "juan.perez@correo.bo",
  reservaId: 1015,
  destino: "Salar de Uyuni",
  fecha: "jueves, 20 de noviembre de 2025, 10:30 (hora de America/La_Paz)",
  motivo: "Cambio de planes familiares",
  total: "Bs 2.400,00",
  reembolso: { porcentaje: "70", monto: "Bs 1.680,00" },
  costo: null,
  canceladoPor: "Juan Pérez",
  fechaRegistro: "lunes, 17 de noviembre de 2025, 09:12 (hora de America/La_Paz)",
  politica: "Política de cancelación",
  ajuste: null,
  contacto: CONTACTO_EJEMPLO,
  enlaceReserva: "http://localhost:3000/reservas/1015",
} satisfies CorreoCancelacionProps;
