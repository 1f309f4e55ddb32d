import { OrdersLoadingPanel } from '@/app/account/orders/page-states';

export default OrdersLoadingPanel;
