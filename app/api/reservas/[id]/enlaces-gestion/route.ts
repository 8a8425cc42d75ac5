import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, metodos, ruta } from "@/lib/http/api";
import { revocarEnlacesGestion } from "@/lib/cuenta/enlaces";

type Contexto = { params: Promise<{ id: string }> };

// DELETE /api/reservas/{id}/enlaces-gestion/: every manage link of the reservation stops working.
const eliminar = ruta<Contexto>(async (_request, { params }) => {
  await requerirRol(ROLES_STAFF);
  return json(await revocarEnlacesGestion(prisma, idDeRuta((await params).id, "La reserva")));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ DELETE: eliminar });
