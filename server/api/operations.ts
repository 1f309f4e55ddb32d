import { z } from 'zod';
import { idParamsSchema } from './common';
import { apiEmbedOriginsSchema, embedOriginsBodySchema } from './embed';
import { defineOperation } from './operation';
import { apiOrderSchema, fulfilmentBodySchema, orderListQuerySchema, orderPageSchema } from './orders';
import {
  apiProductSchema,
  apiVariantStockSchema,
  productListQuerySchema,
  productPageSchema,
  productUpdateBodySchema,
  stockUpdateBodySchema,
} from './products';
import { apiShowSchema, showListQuerySchema, showPageSchema } from './shows';

// Every operation of the public API. Route files under app/api/v1 pick theirs
// from here; the OpenAPI document lists exactly these (a test checks both ways).

export const apiOperations = {
  getOpenApiDocument: defineOperation({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI document',
    tag: 'Meta',
    scope: null,
    response: z.object({ openapi: z.string() }).loose(),
  }),
  listProducts: defineOperation({
    method: 'GET',
    path: '/products',
    operationId: 'listProducts',
    summary: 'List products, newest first',
    tag: 'Products',
    scope: 'products:read',
    query: productListQuerySchema,
    response: productPageSchema,
  }),
  getProduct: defineOperation({
    method: 'GET',
    path: '/products/{id}',
    operationId: 'getProduct',
    summary: 'Get one product with its variants',
    tag: 'Products',
    scope: 'products:read',
    params: idParamsSchema,
    response: apiProductSchema,
  }),
  updateProduct: defineOperation({
    method: 'PATCH',
    path: '/products/{id}',
    operationId: 'updateProduct',
    summary: 'Change a product’s title, description or status',
    description: 'Fields left out stay as they are. Sends a product.updated webhook event.',
    tag: 'Products',
    scope: 'products:write',
    params: idParamsSchema,
    body: productUpdateBodySchema,
    response: apiProductSchema,
  }),
  setVariantStock: defineOperation({
    method: 'PUT',
    path: '/variants/{id}/stock',
    operationId: 'setVariantStock',
    summary: 'Set a variant’s stock',
    description:
      'Sets the absolute stock (for example a warehouse count). Live shows see the new figure at once. Sends a stock.changed webhook event.',
    tag: 'Products',
    scope: 'stock:write',
    params: idParamsSchema,
    body: stockUpdateBodySchema,
    response: apiVariantStockSchema,
  }),
  listShows: defineOperation({
    method: 'GET',
    path: '/shows',
    operationId: 'listShows',
    summary: 'List shows, latest start first',
    tag: 'Shows',
    scope: 'shows:read',
    query: showListQuerySchema,
    response: showPageSchema,
  }),
  getShow: defineOperation({
    method: 'GET',
    path: '/shows/{id}',
    operationId: 'getShow',
    summary: 'Get one show with its lineup',
    tag: 'Shows',
    scope: 'shows:read',
    params: idParamsSchema,
    response: apiShowSchema,
  }),
  listOrders: defineOperation({
    method: 'GET',
    path: '/orders',
    operationId: 'listOrders',
    summary: 'List orders, newest first',
    tag: 'Orders',
    scope: 'orders:read',
    query: orderListQuerySchema,
    response: orderPageSchema,
  }),
  getOrder: defineOperation({
    method: 'GET',
    path: '/orders/{id}',
    operationId: 'getOrder',
    summary: 'Get one order with its items and shipping address',
    tag: 'Orders',
    scope: 'orders:read',
    params: idParamsSchema,
    response: apiOrderSchema,
  }),
  fulfilOrder: defineOperation({
    method: 'POST',
    path: '/orders/{id}/fulfilment',
    operationId: 'fulfilOrder',
    summary: 'Mark an order packed, shipped (with carrier and tracking number) or delivered',
    description:
      'Moves the order one step: PAID → PACKED → SHIPPED → DELIVERED. Any other step answers 409 INVALID_STATE (for example shipping an order that is not packed, or repeating a step). Shipping emails the buyer the tracking. Sends order.packed, order.shipped or order.delivered webhook events. Cancelling and refunding stay in the dashboard.',
    tag: 'Orders',
    scope: 'orders:write',
    params: idParamsSchema,
    body: fulfilmentBodySchema,
    response: apiOrderSchema,
  }),
  getEmbedOrigins: defineOperation({
    method: 'GET',
    path: '/embed/origins',
    operationId: 'getEmbedOrigins',
    summary: 'The sites that may embed your shows',
    tag: 'Embed',
    scope: 'shows:read',
    response: apiEmbedOriginsSchema,
  }),
  setEmbedOrigins: defineOperation({
    method: 'PUT',
    path: '/embed/origins',
    operationId: 'setEmbedOrigins',
    summary: 'Set the sites that may embed your shows',
    description:
      'Replaces the list. The player at /embed/shows/{id} may be framed only by these origins, and posts its hand-off events only to them. An entry that is not an origin answers 400 INVALID_INPUT (reason EMBED_ORIGIN_INVALID); more than 20 answers EMBED_ORIGINS_TOO_MANY.',
    tag: 'Embed',
    scope: 'embed:write',
    body: embedOriginsBodySchema,
    response: apiEmbedOriginsSchema,
  }),
} as const;
