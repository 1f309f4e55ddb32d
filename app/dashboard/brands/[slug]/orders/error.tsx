'use client';

import { OrdersErrorPanel } from '@/app/account/orders/page-states';

export default OrdersErrorPanel;
