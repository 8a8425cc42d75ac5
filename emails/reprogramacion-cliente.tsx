// Email to the client after a reschedule (seed 000 §1), in three variants: plain, with a discount,
// and administrative (the agency moved it). Subject: asuntoCliente().
import { Button, Heading, Section, Text } from "@react-email/components";
import { CONTACTO_EJEMPLO, type CorreoClienteProps } from "./tipos";
import { Dato, Dudas, Marco, colores, estilos } from "./componentes/marco";

export const asuntoCliente = (reservaId: number) => `Tu reserva #${reservaId} ha sido reprogramada`;

function Introduccion({ variante, reservaId, destino }: Pick<CorreoClienteProps, "variante" | "reservaId" | "destino">) {
  if (variante === "reprogramacion_administrativa") {
    return (
      <Text style={estilos.texto}>
        Por una decisión operativa de la agencia, tu reserva #{reservaId} a {destino} fue reprogramada. Lamentamos las molestias y
        quedamos a tu disposición para cualquier consulta.
      </Text>
    );
  }
  return (
    <Text style={estilos.texto}>
      Te confirmamos que tu reserva #{reservaId} a {destino} fue reprogramada.
    </Text>
  );
}

export default function CorreoCliente(p: CorreoClienteProps) {
  return (
    <Marco vistaPrevia={`${asuntoCliente(p.reservaId)}: nueva fecha ${p.fechaNueva}`} contacto={p.contacto}>
      <Heading as="h1" style={{ fontSize: "22px", color: colores.texto, margin: "0 0 16px" }}>
        {asuntoCliente(p.reservaId)}
      </Heading>
      <Text style={estilos.texto}>Hola {p.nombreCliente},</Text>
      <Introduccion variante={p.variante} reservaId={p.reservaId} destino={p.destino} />

      <Section style={estilos.caja}>
        <Dato etiqueta="Reserva">#{p.reservaId} · {p.destino}</Dato>
        <Dato etiqueta="Fecha anterior">
          <span style={{ textDecoration: "line-through", fontWeight: 400 }}>{p.fechaAnterior}</span>
        </Dato>
        <Dato etiqueta="Nueva fecha">{p.fechaNueva}</Dato>
        {p.motivo ? <Dato etiqueta="Motivo">{p.motivo}</Dato> : null}
      </Section>

      {p.descuento ? (
        <Section style={{ ...estilos.caja, backgroundColor: "#ecfdf5", borderColor: "#a7f3d0" }}>
          <Text style={{ ...estilos.texto, fontWeight: 700 }}>
            Aplicamos un descuento del {p.descuento.porcentaje} % ({p.descuento.monto}) a tu reserva.
          </Text>
          <Text style={estilos.texto}>
            Total anterior: {p.descuento.totalAnterior} · Total nuevo: {p.descuento.totalNuevo}
          </Text>
          {p.descuento.razon ? <Text style={estilos.texto}>Motivo del descuento: {p.descuento.razon}</Text> : null}
        </Section>
      ) : null}

      {p.cupones.length ? (
        <Section style={estilos.caja}>
          <Text style={{ ...estilos.texto, fontWeight: 700 }}>{p.cupones.length === 1 ? "Te regalamos un cupón" : `Te regalamos ${p.cupones.length} cupones`}</Text>
          {p.cupones.map((c) => (
            <Text key={c.codigo} style={estilos.texto}>
              Cupón <strong>{c.codigo}</strong> por {c.valor}, válido hasta {c.validoHasta}. {c.descripcion}
            </Text>
          ))}
        </Section>
      ) : null}

      <Section style={estilos.caja}>
        <Text style={{ ...estilos.etiqueta, marginBottom: "8px" }}>Servicios incluidos</Text>
        {p.servicios.length ? (
          p.servicios.map((s, i) => (
            <Text key={i} style={{ ...estilos.texto, margin: "0 0 6px" }}>
              • {s.descripcion}: {s.precio}
            </Text>
          ))
        ) : (
          <Text style={estilos.texto}>Sin servicios detallados.</Text>
        )}
        <Text style={{ ...estilos.texto, fontWeight: 700, marginTop: "12px" }}>
          Total: {p.total} ({p.moneda})
        </Text>
        {p.costo ? <Text style={estilos.texto}>Costo de la reprogramación: {p.costo}</Text> : null}
      </Section>

      {p.observacionesCliente ? (
        <Section style={estilos.caja}>
          <Text style={estilos.etiqueta}>Mensaje de la agencia</Text>
          <Text style={estilos.texto}>{p.observacionesCliente}</Text>
        </Section>
      ) : null}

      <Section style={{ margin: "8px 0 16px" }}>
        <Button href={p.enlaceGestion ?? p.enlaceReserva} style={estilos.boton}>
          Gestionar mi reserva
        </Button>
        <Button href={p.enlaceSoporte} style={estilos.botonSecundario}>
          Contactar a soporte
        </Button>
      </Section>
      <Dudas contacto={p.contacto} />
    </Marco>
  );
}

CorreoCliente.PreviewProps = {
  variante: "reprogramacion_con_descuento",
  nombreCliente: "Juan Pérez",
  reservaId: 1015,
  destino: "Salar de Uyuni",
  fechaAnterior: "jueves, 20 de noviembre de 2025, 10:30 (hora de America/La_Paz)",
  fechaNueva: "martes, 25 de noviembre de 2025, 10:30 (hora de America/La_Paz)",
  zona: "America/La_Paz",
  motivo: "Cambio de planes por emergencia familiar",
  servicios: [
    { descripcion: "Tour Salar de Uyuni 3 días", precio: "Bs 1.800,00" },
    { descripcion: "Hotel de sal", precio: "Bs 600,00" },
  ],
  total: "Bs 2.280,00",
  moneda: "BOB",
  costo: null,
  descuento: { porcentaje: "5", monto: "Bs 120,00", totalAnterior: "Bs 2.400,00", totalNuevo: "Bs 2.280,00", razon: "Disculpa por inconvenientes" },
  cupones: [{ codigo: "REPRO-2025-ABC123", valor: "Bs 100,00", validoHasta: "20/11/2026", descripcion: "Cupón de compensación por reprogramación" }],
  observacionesCliente: "Gracias por tu comprensión.",
  contacto: CONTACTO_EJEMPLO,
  enlaceReserva: "http://localhost:3000/reservas?reserva=1015",
  enlaceGestion: "http://localhost:3000/gestionar/AbCdEfGhIjKlMnOpQrStUvWx",
  enlaceSoporte: "mailto:soporte@agencia.bo?subject=Reserva%20%231015",
} satisfies CorreoClienteProps;
