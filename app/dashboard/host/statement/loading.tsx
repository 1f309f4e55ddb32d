import { OrdersLoading } from '@/app/account/orders/page-states';

export default OrdersLoading;
