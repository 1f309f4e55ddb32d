'use client';

import { OrdersError } from './page-states';

export default OrdersError;
