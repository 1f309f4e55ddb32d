'use client';

import { OrdersError } from '@/app/account/orders/page-states';

export default OrdersError;
