// What the email templates receive: already formatted for people (dates with their zone, money as
// "Bs 2.400,00"), so templates only lay out text. Built by lib/notificaciones/correo/contenido.ts.
export type VarianteCliente = "reprogramacion" | "reprogramacion_con_descuento" | "reprogramacion_administrativa";

export interface Contacto {
  agencia: string;
  email: string;
  telefono: string;
}

export interface DescuentoCorreo {
  porcentaje: string;
  monto: string;
  totalAnterior: string;
  totalNuevo: string;
  razon: string | null;
}

export interface CuponCorreo {
  codigo: string;
  valor: string;
  validoHasta: string;
  descripcion: string;
}

export interface CorreoClienteProps {
  variante: VarianteCliente;
  nombreCliente: string;
  reservaId: number;
  destino: string;
  fechaAnterior: string;
  fechaNueva: string;
  zona: string;
  motivo: string | null;
  servicios: { descripcion: string; precio: string }[];
  total: string;
  moneda: string;
  costo: string | null;
  descuento: DescuentoCorreo | null;
  cupones: CuponCorreo[];
  observacionesCliente: string | null;
  contacto: Contacto;
  enlaceReserva: string;
  /** "Gestionar mi reserva": opens this reservation without a password; null: the sign-in page's link. */
  enlaceGestion: string | null;
  enlaceSoporte: string;
}

export interface CorreoAdminProps {
  historialId: number;
  reservaId: number;
  destino: string;
  cliente: { nombre: string; email: string; nivel: string | null };
  actor: { nombre: string; email: string; rol: string };
  tipo: string;
  fechaAnterior: string;
  fechaNueva: string;
  fechaRegistro: string;
  zona: string;
  motivo: string;
  totalAnterior: string;
  totalNuevo: string;
  moneda: string;
  costo: string;
  descuento: DescuentoCorreo | null;
  cupones: CuponCorreo[];
  reglasAplicadas: string[];
  reglasBypass: { regla: string; razon: string; autorizado_por: string }[];
  prioridad: string | null;
  categoria: string | null;
  observacionesInternas: string | null;
  observacionesCliente: string | null;
  clienteNotificado: boolean;
  contacto: Contacto;
  enlaceReserva: string;
}

export const CONTACTO_EJEMPLO: Contacto = { agencia: "Agencia de Viajes", email: "soporte@agencia.bo", telefono: "+591 2 2441234" };

export interface CorreoOfertaProps {
  nombreCliente: string;
  reservaId: number;
  destino: string;
  fechaActual: string;
  /** The freed day, e.g. "martes, 25 de noviembre de 2025, 10:30 (hora de America/La_Paz)": the reservation's own time on that day. */
  fechaOfrecida: string;
  venceEl: string;
  contacto: Contacto;
  enlaceReserva: string;
  enlaceGestion: string | null;
}

export type VarianteCuenta = "invitacion" | "bienvenida" | "recuperacion" | "acceso";

export interface CorreoCuentaProps {
  variante: VarianteCuenta;
  nombre: string;
  /** The one-time link (invitation, recovery, sign-in), or the sign-in page for a welcome. */
  enlace: string;
  /** When the link stops working, formatted with its zone; null for a welcome. */
  venceEl: string | null;
  rol: string;
  /** A welcome lists the client's upcoming reservations, each with its manage link. */
  reservas: { id: number; destino: string; fecha: string; enlace: string }[];
  contacto: Contacto;
}

export interface CorreoCancelacionProps {
  /** The client's notice, or the agency's audit copy (with who did it, the policy and any adjustment). */
  para: "cliente" | "agencia";
  nombreCliente: string;
  emailCliente: string;
  reservaId: number;
  destino: string;
  fecha: string;
  motivo: string;
  total: string;
  reembolso: { porcentaje: string; monto: string };
  costo: string | null;
  canceladoPor: string;
  fechaRegistro: string;
  politica: string | null;
  ajuste: { porcentajeCalculado: string; razon: string; autorizadoPor: string } | null;
  contacto: Contacto;
  enlaceReserva: string;
}

export interface CorreoTransferenciaProps {
  /** The new holder (with their manage link), the previous one (no way back in), or the agency's audit copy. */
  para: "nuevo" | "anterior" | "agencia";
  reservaId: number;
  destino: string;
  fecha: string;
  de: { nombre: string; email: string };
  a: { nombre: string; email: string };
  motivo: string;
  costo: string | null;
  total: string;
  hechoPor: string;
  contacto: Contacto;
  /** The new holder's manage link, the reservation page, or support's page for the agency. */
  enlace: string | null;
}
